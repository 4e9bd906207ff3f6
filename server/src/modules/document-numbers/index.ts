// 发文字号 — the document-numbers module's front door: a per-organ, per-year sequence of official document numbers
export { claimDocumentNumber, reserveDocumentNumber, type DocumentNumber, type NumberHolder } from './document-numbers.service.ts';
export { formatDocumentNumber, parseDocumentNumber, type DocumentNumberParts } from './document-number.ts';
