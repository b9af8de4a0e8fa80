// Where a key must not be sent without being told to: link-local addresses, where cloud metadata services answer
// (169.254.169.254 on AWS, GCP, Azure, …; fe80::/10; AWS's fd00:ec2::254) and their well-known host names. Private
// ranges (10/8, 172.16/12, 192.168/16, fc00::/7) stay allowed: self-hosted model servers live there. Pure.
// A host name that only resolves to such an address is not caught here (no DNS lookup is made when planning).

const METADATA_HOSTS = new Set([
  "metadata.google.internal",
  "metadata.goog",
  "metadata",
  "instance-data",
  "instance-data.ec2.internal",
]);

/** Why the host is refused ("a link-local address (169.254.169.254)"), or undefined when it is not. */
export function linkLocalReason(hostname: string): string | undefined {
  const host = hostname.toLowerCase().replace(/\.$/, "");
  if (METADATA_HOSTS.has(host)) return `the cloud metadata host ${host}`;
  const v4 = /^(\d{1,3})\.(\d{1,3})\.\d{1,3}\.\d{1,3}$/.exec(host);
  if (v4) return Number(v4[1]) === 169 && Number(v4[2]) === 254 ? `a link-local address (${host})` : undefined;
  if (host.startsWith("[") && host.endsWith("]")) {
    const words = ipv6Words(host.slice(1, -1));
    if (words === undefined) return undefined;
    if ((words[0]! & 0xffc0) === 0xfe80) return `a link-local address (${host})`;
    // fd00:ec2::254, AWS's metadata service over IPv6.
    if (words.join(":") === [0xfd00, 0xec2, 0, 0, 0, 0, 0, 0x254].join(":"))
      return `the cloud metadata address ${host}`;
    // 169.254.x.y written as IPv6: IPv4-mapped ::ffff:…, IPv4-compatible ::…, and NAT64's 64:ff9b::….
    const embedsLinkLocal = words[6]! >> 8 === 169 && (words[6]! & 0xff) === 254;
    const mapped = words.slice(0, 5).every((w) => w === 0) && (words[5] === 0xffff || words[5] === 0);
    const nat64 = words[0] === 0x64 && words[1] === 0xff9b && words.slice(2, 6).every((w) => w === 0);
    if (embedsLinkLocal && (mapped || nat64)) return `a link-local address (${host})`;
  }
  return undefined;
}

/** The eight 16-bit words of an IPv6 address as the URL parser writes it (compressed, hex, no zone). */
function ipv6Words(text: string): number[] | undefined {
  const halves = text.split("::");
  if (halves.length > 2) return undefined;
  const parse = (part: string) => (part === "" ? [] : part.split(":").map((w) => Number.parseInt(w, 16)));
  const head = parse(halves[0]!);
  const tail = halves.length === 2 ? parse(halves[1]!) : [];
  const words =
    halves.length === 2 ? [...head, ...new Array<number>(8 - head.length - tail.length).fill(0), ...tail] : head;
  return words.length === 8 && words.every((w) => Number.isInteger(w) && w >= 0 && w <= 0xffff) ? words : undefined;
}
