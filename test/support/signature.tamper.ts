/** A base64url signature with its first character changed (six signed bits), never equal to it. */
export function flipSignature(sig: string): string {
  return `${sig[0] === "A" ? "B" : "A"}${sig.slice(1)}`;
}

/** A signed URL (absolute) with its `sig` parameter flipped. */
export function withFlippedSignature(url: string): string {
  const tampered = new URL(url);
  tampered.searchParams.set("sig", flipSignature(tampered.searchParams.get("sig")!));
  return tampered.toString();
}
