/** The platform's mark: a gold star on red, the colours of Party and government work. */
export function BrandMark({ size = 32 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 64 64" aria-hidden="true" style={{ flex: 'none' }}>
      <rect width="64" height="64" rx="12" fill="#8e1414" stroke="#ffd666" strokeWidth="2" />
      <path d="M32 10l5.6 13.2 14.4 1.2-10.9 9.4 3.3 14.1L32 40.4 19.6 47.9l3.3-14.1L12 24.4l14.4-1.2z" fill="#ffd666" />
    </svg>
  );
}
