/** Where the public pages live: short, because people reach them by scanning a QR code on a poster or a door. */
export const PUBLIC_BASE = '/p';

export const isPublicPath = (pathname: string) => pathname === PUBLIC_BASE || pathname.startsWith(`${PUBLIC_BASE}/`);
