// Builds the sample content once for the whole suite (placeholder until the build pipeline lands).
export default async function setup(): Promise<void> {}
