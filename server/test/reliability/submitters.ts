/**
 * Citizens filing demands on the public form (扫码提交), no account: each request from its own phone
 * (device id) and address (X-Forwarded-For, which the server trusts from loopback), so the public
 * rate limits and the flood challenge, which are per device and per address, let them through as
 * they would a crowd. Acknowledged = the tracking code the server answered with (201).
 */
export function startSubmitters(base: string, opts: { clients: number; prefix: string }) {
  const acked: { code: string; title: string }[] = [];
  const failures: string[] = [];
  let stop = false;
  let n = 0;
  const loops = Array.from({ length: opts.clients }, async (_, ci) => {
    while (!stop) {
      const i = ++n;
      const title = `${opts.prefix}${ci}-${i}路灯不亮`;
      let res: Response;
      try {
        res = await fetch(`${base}/api/public/demands`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'x-forwarded-for': `10.77.${(i >> 8) & 255}.${i & 255 || 1}`,
            'x-device-id': `crash-phone-${String(i).padStart(8, '0')}`,
          },
          body: JSON.stringify({ kind: 'demand', title, body: `${title}，晚上出行不便，请尽快维修。` }),
        });
      } catch {
        return; // the server went away (kill -9): this one was never acknowledged
      }
      const text = await res.text().catch(() => '');
      if (res.status === 201) acked.push({ code: (JSON.parse(text) as { code: string }).code, title });
      else if (text) failures.push(`${res.status} ${text.slice(0, 200)}`);
    }
  });
  return {
    acked,
    failures,
    done: Promise.all(loops),
    async stop() {
      stop = true;
      await Promise.all(loops);
    },
  };
}
