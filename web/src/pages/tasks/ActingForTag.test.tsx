import { afterEach, describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import { changeLanguage } from '../../i18n/index.ts';
import { renderWithApp } from '../../test/renderWithApp.tsx';
import { ActingForTag } from './ActingForTag.tsx';

describe('ActingForTag (代A岗)', () => {
  afterEach(async () => {
    await changeLanguage('zh-CN');
  });

  it('names the absent A holder the task is handled for, in both languages', async () => {
    renderWithApp(<ActingForTag task={{ handlerActingForName: '王华' }} />);
    expect(screen.getByTestId('task-acting-for').textContent).toBe('代王华岗');
    await changeLanguage('en-US');
    expect((await screen.findByTestId('task-acting-for')).textContent).toBe('Acting for 王华');
  });

  it('says nothing while A handles the task (or it is dispatched to a person)', () => {
    const { container } = renderWithApp(<ActingForTag task={{ handlerActingForName: null }} />);
    expect(screen.queryByTestId('task-acting-for')).toBeNull();
    expect(container.textContent).toBe('');
  });
});
