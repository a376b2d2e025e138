import { describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import '../../src/components/fl-progress-bar.js';
import { mount } from './mount.js';

describe('fl-progress-bar', () => {
  it('is a progress bar named by its label, with the percentage a screen reader announces', async () => {
    await mount('fl-progress-bar', { value: 0.42, label: 'Progress' });
    const bar = page.getByRole('progressbar', { name: 'Progress: 42%' });
    await expect.element(bar).toBeInTheDocument();
    await expect.element(bar).toHaveAttribute('aria-valuenow', '42');
    await expect.element(bar).toHaveAttribute('aria-valuemin', '0');
    await expect.element(bar).toHaveAttribute('aria-valuemax', '100');
  });

  it('keeps the value between 0 and 100 when progress is out of range', async () => {
    const el = await mount('fl-progress-bar', { value: 1.7, label: 'Cynnydd' });
    await expect.element(page.getByRole('progressbar', { name: 'Cynnydd: 100%' })).toBeInTheDocument();
    el.value = -0.2;
    await el.updateComplete;
    await expect.element(page.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '0');
  });

  it('fills the bar to the percentage, and follows a new value', async () => {
    const el = await mount('fl-progress-bar', { value: 0.25 });
    const fill = el.shadowRoot!.querySelector<HTMLElement>('[part="bar"]')!;
    expect(fill.style.width).toBe('25%');
    el.value = 0.5;
    await el.updateComplete;
    expect(fill.style.width).toBe('50%');
    await expect.element(page.getByText('Progress: 50%')).toBeVisible();
  });
});
