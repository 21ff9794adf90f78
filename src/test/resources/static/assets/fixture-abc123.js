export const fixture = "served from /assets with a hashed name";
