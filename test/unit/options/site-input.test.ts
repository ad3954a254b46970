import { describe, expect, it } from 'vitest';
import { parseSiteInput } from '../../../extension/options/site-input';

describe('parseSiteInput', () => {
  it.each([
    ['www.example.com', 'www.example.com'],
    ['  Example.COM ', 'example.com'],
    ['https://www.themoscowtimes.com/2021/12/30/article', 'www.themoscowtimes.com'],
    ['http://localhost:1234/page', 'localhost'],
    ['127.0.0.1', '127.0.0.1'],
    ['news.example.co.uk/path?q=1', 'news.example.co.uk'],
    ['', null],
    ['news', null],
    ['not a site', null],
    ['http://', null],
  ])('"%s" → %s', (text, host) => expect(parseSiteInput(text)).toBe(host));
});
