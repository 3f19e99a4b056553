// decap-cms-locales ships no types: each locale is a plain object of phrases.
declare module "decap-cms-locales/dist/esm/vi/index.js" {
  const phrases: Record<string, unknown>;
  export default phrases;
}
