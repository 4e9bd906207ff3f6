import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { EvidenceFile } from '@qinlian/contracts';
import { renderWithApp } from '../../../test/renderWithApp.tsx';
import { EvidenceLink } from './EvidenceLink.tsx';

const file = (name: string, mime: string) =>
  EvidenceFile.parse({
    id: '0190f0a0-0000-7000-8000-0000000000f1',
    name,
    size: 2048,
    mime,
    url: '/api/files/0190f0a0-0000-7000-8000-0000000000f1',
  });

describe('EvidenceLink', () => {
  it('previews a PDF in a frame from the inline address, with a download beside it', async () => {
    renderWithApp(<EvidenceLink file={file('会议纪要.pdf', 'application/pdf')} />);
    await userEvent.click(screen.getByTestId('task-evidence-preview'));
    const frame = await screen.findByTestId('evidence-preview-pdf');
    expect(frame.getAttribute('src')).toBe('/api/files/0190f0a0-0000-7000-8000-0000000000f1?inline=true');
    expect(screen.getByRole('link', { name: /下\s*载/ }).getAttribute('href')).toBe('/api/files/0190f0a0-0000-7000-8000-0000000000f1');
  });

  it('previews an image as an image', async () => {
    renderWithApp(<EvidenceLink file={file('现场.jpg', 'image/jpeg')} />);
    await userEvent.click(screen.getByTestId('task-evidence-link'));
    const img = await screen.findByTestId('evidence-preview-image');
    expect(img.getAttribute('src')).toBe('/api/files/0190f0a0-0000-7000-8000-0000000000f1?inline=true');
    expect(img.getAttribute('alt')).toBe('现场.jpg');
  });

  it('offers only a download for what the browser may not show (office documents, text)', () => {
    renderWithApp(<EvidenceLink file={file('台账.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')} />);
    const link = screen.getByTestId('task-evidence-link');
    expect(link.getAttribute('href')).toBe('/api/files/0190f0a0-0000-7000-8000-0000000000f1');
    expect(link.getAttribute('download')).toBe('台账.xlsx');
    expect(screen.queryByTestId('task-evidence-preview')).toBeNull();
  });
});
