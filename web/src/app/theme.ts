import type { ThemeConfig } from 'antd';

/** A restrained government red on neutral greys. */
export const BRAND_RED = '#b71c1c';

export const theme: ThemeConfig = {
  token: {
    colorPrimary: BRAND_RED,
    colorLink: '#a31515',
    colorInfo: '#1f5fa8',
    borderRadius: 4,
    colorBgLayout: '#f3f4f6',
    fontSize: 14,
  },
  components: {
    Layout: {
      headerBg: '#a11818',
      headerHeight: 56,
      headerPadding: '0 16px 0 20px',
      siderBg: '#ffffff',
      triggerBg: '#fafafa',
      triggerColor: '#595959',
    },
    Menu: { itemSelectedBg: '#fbeaea', itemSelectedColor: BRAND_RED, subMenuItemBg: '#ffffff', itemBorderRadius: 4, itemMarginInline: 8 },
    Table: { headerBg: '#fafafa' },
    Card: { headerFontSize: 15 },
  },
};
