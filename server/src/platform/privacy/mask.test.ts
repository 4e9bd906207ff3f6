import { describe, expect, it } from 'vitest';
import { maskEmail, maskIdCard, maskName, maskPhone } from './mask.ts';

type Row = [input: unknown, masked: string | null];
const nothing: Row[] = [
  [null, null],
  [undefined, null],
  ['', null],
  ['   ', null],
  [{}, null],
];

describe('maskPhone', () => {
  it.each<Row>([
    ['13812345678', '138****5678'],
    [' 138 1234 5678 ', '138****5678'],
    ['138-1234-5678', '138****5678'],
    ['+8613812345678', '+86 138****5678'],
    ['+86 138 1234 5678', '+86 138****5678'],
    ['008613812345678', '+86 138****5678'],
    ['010-62345678', '010****5678'],
    ['(0571) 8765 4321', '057*****4321'],
    ['12345', '***45'],
    ['12', '**'],
    [13812345678, '138****5678'],
    ...nothing,
  ])('%j → %j', (input, masked) => {
    expect(maskPhone(input as string)).toBe(masked);
  });
});

describe('maskName', () => {
  it.each<Row>([
    ['张三丰', '张**'],
    ['张三', '张*'],
    ['欧阳娜娜', '欧***'],
    ['张', '*'],
    ['阿卜杜·热西提', '阿**·***'],
    ['𠀾小明', '𠀾**'], // a name character outside the BMP counts as one
    ['John Smith', 'J*** S****'],
    ['Mary-Jane  Watson', 'M***-J***  W*****'],
    ['Li', 'L*'],
    ['X', '*'],
    ...nothing,
  ])('%j → %j', (input, masked) => {
    expect(maskName(input as string)).toBe(masked);
  });
});

describe('maskEmail', () => {
  it.each<Row>([
    ['zhangsan@example.com', 'z***n@example.com'],
    ['ab@example.com', 'a*@example.com'],
    ['a@example.com', 'a*@example.com'],
    ['first.last+tag@mail.gov.cn', 'f***g@mail.gov.cn'],
    ['"odd@local"@example.com', '"***"@example.com'],
    ['no-at-sign', 'n***'],
    ['x', '***'],
    ['@example.com', '@example.com'],
    ...nothing,
  ])('%j → %j', (input, masked) => {
    expect(maskEmail(input as string)).toBe(masked);
  });
});

describe('maskIdCard', () => {
  it.each<Row>([
    ['110101199003074514', '1101**********4514'],
    ['11010119900307451x', '1101**********451X'],
    [' 110101 19900307 4514 ', '1101**********4514'],
    ['110101900307451', '1101*******7451'],
    ['G12345678', '*****5678'], // a passport number: only the tail
    ['1234567', '*******'],
    ...nothing,
  ])('%j → %j', (input, masked) => {
    expect(maskIdCard(input as string)).toBe(masked);
  });

  it('never lets the birth date of an 18-digit id through', () => {
    expect(maskIdCard('440301198512240019')).not.toContain('19851224');
  });
});
