import { describe, expect, it } from 'vitest';
import { officialPreview } from './preview.ts';
import { SAMPLE_BULLETIN, SAMPLE_NUMBER, SAMPLE_TITLE } from './official.test-support.ts';

describe('the preview of an official document', () => {
  it('shows the letterhead, the numbered body, the table and the signature in the DOCX’s order', () => {
    const html = officialPreview(SAMPLE_BULLETIN);
    const order = [
      SAMPLE_BULLETIN.organ,
      SAMPLE_NUMBER,
      SAMPLE_TITLE,
      '各部门、各园区、各国有企业：',
      '一、总体情况',
      '（一）任务推进。',
      '（二）排名情况',
      '自然资源和规划建设局',
      '二、存在的问题',
      '附件：1.逾期事项清单',
      '2026年10月9日',
    ];
    const at = order.map((text) => html.indexOf(text));
    expect(
      at.every((i) => i >= 0),
      JSON.stringify(at),
    ).toBe(true);
    expect(at).toEqual([...at].sort((a, b) => a - b));
    expect(html).toMatch(/^<article class="official-document" lang="zh-CN"/);
    expect(html).toContain('color:#FF0000');
    expect(html.match(/<tr>/g)).toHaveLength(5);
  });

  it('escapes every text of the model, so nothing in it becomes markup', () => {
    const evil = '<img src=x onerror=alert(1)>"\'&';
    const html = officialPreview({
      ...SAMPLE_BULLETIN,
      organ: evil,
      title: evil,
      number: evil,
      recipients: [evil],
      body: [
        { kind: 'heading1', text: evil },
        { kind: 'heading2', text: evil, runIn: evil },
        { kind: 'paragraph', text: evil },
        { kind: 'table', caption: evil, columns: [evil], rows: [[evil]] },
      ],
      attachments: [evil],
    });
    // the only markup is the renderer's own: its elements, with class, style and lang attributes
    const tags = html.match(/<[a-z][^>]*>/g)!;
    const names = new Set(tags.map((t) => /^<([a-z0-9]+)/.exec(t)![1]));
    expect([...names].sort()).toEqual([
      'article',
      'div',
      'figcaption',
      'figure',
      'h2',
      'h3',
      'h4',
      'header',
      'hr',
      'p',
      'span',
      'table',
      'tbody',
      'td',
      'th',
      'thead',
      'tr',
    ]);
    const attributes = new Set(tags.flatMap((t) => [...t.replace(/"[^"]*"/g, '""').matchAll(/\s([a-z-]+)=/g)].map((m) => m[1])));
    expect([...attributes].sort()).toEqual(['class', 'lang', 'style']);
    // organ mark and signature, number, title, recipients, two headings and a run-in, paragraph, caption, header, cell, attachment
    expect(html.split('&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&amp;').length - 1).toBe(13);
  });
});
