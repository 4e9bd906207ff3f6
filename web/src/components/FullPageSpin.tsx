import { Spin } from 'antd';

export function FullPageSpin() {
  return (
    <div style={{ minHeight: 320, height: '100%', display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
      <Spin size="large" />
    </div>
  );
}
