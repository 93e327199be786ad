// Shared once-per-run setup (database templates are prepared here when integration tests need them).
export default function setup(): void {}
