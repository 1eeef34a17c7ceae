/** What the SMTP channel writes besides the text: the Message-ID's domain and the HTML alternative. */
import { describe, expect, it } from 'vitest';
import { htmlAlternative, messageIdDomain } from '../../src/infra/notify/smtp.ts';

describe('the e-mail channel', () => {
  it.each([
    ['Một cửa điện tử <no-reply@motcua.giaothuy.gov.vn>', 'motcua.giaothuy.gov.vn'],
    ['no-reply@motcua.example.vn', 'motcua.example.vn'],
    ['Motcua', 'motcua.local'],
    ['x@bad domain', 'motcua.local'],
  ])('names Message-IDs after the domain of the sender %s', (from, domain) => {
    expect(messageIdDomain(from)).toBe(domain);
  });

  it('writes the text as escaped paragraphs with clickable links', () => {
    const html = htmlAlternative('Kính gửi <Ông/Bà> An,\n\nTheo dõi: https://motcua.example.vn/tra-cuu/H40.22-260213-0001\nTrân trọng', 'vi');
    expect(html).toContain('<html lang="vi">');
    expect(html).toContain('<p>Kính gửi &lt;Ông/Bà&gt; An,</p>');
    expect(html).toContain('<p>Theo dõi: <a href="https://motcua.example.vn/tra-cuu/H40.22-260213-0001">https://motcua.example.vn/tra-cuu/H40.22-260213-0001</a><br>Trân trọng</p>');
  });
});
