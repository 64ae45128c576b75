import manifest from "../package.json" with { type: "json" };

/** The SDK's version; it ships with the platform, so it is also the Opsdeck version the test kit runs as. */
export const SDK_VERSION: string = manifest.version;
