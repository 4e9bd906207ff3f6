import type { ThemeConfig } from 'antd';

/**
 * The console's palette (docs/ui.md). Red, yellow and blue mean 红/黄/蓝预警 and nothing else
 * (WARNING_HEX in domain/tasks/labels.ts); the brand is a sober deep teal (黛青) on an ink header,
 * so links, buttons and progress bars never read as a warning. Party red stays in the brand mark.
 */
export const BRAND_PRIMARY = '#0e6170';
/** the header and the login panel: dark ink, white text */
export const BRAND_INK = '#14303a';
/** the brand mark's gold, for accents on the ink */
export const BRAND_GOLD = '#ffd666';

/**
 * Categories that are not warnings (programmes, statuses in charts): no red, yellow or blue, so a
 * chart series never passes for a warning colour. The brand teal leads.
 */
export const CATEGORICAL = ['#0e6170', '#7b5ea7', '#3a8a5c', '#a0527a', '#8c6d46', '#5b6b7b', '#2f8f8a', '#6b7a2c'];

export const theme: ThemeConfig = {
  token: {
    colorPrimary: BRAND_PRIMARY,
    colorLink: BRAND_PRIMARY,
    // progress bars, 'processing' tags and info alerts take colorInfo: the brand, not the warning blue
    colorInfo: BRAND_PRIMARY,
    borderRadius: 4,
    colorBgLayout: '#f3f4f6',
    fontSize: 14,
  },
  components: {
    Layout: {
      headerBg: BRAND_INK,
      headerHeight: 56,
      headerPadding: '0 16px 0 20px',
      siderBg: '#ffffff',
      triggerBg: '#fafafa',
      triggerColor: '#595959',
    },
    Menu: {
      itemSelectedBg: '#e3f0f1',
      itemSelectedColor: BRAND_PRIMARY,
      subMenuItemBg: '#ffffff',
      itemBorderRadius: 4,
      itemMarginInline: 8,
    },
    Table: { headerBg: '#fafafa' },
    Card: { headerFontSize: 15 },
  },
};
