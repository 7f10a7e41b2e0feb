// What Gradio's page loads beside a custom component to mount it (as @gradio/preview builds it).
export { mount, unmount } from "svelte";
//@ts-ignore
export * as SVELTE_VERSION from "svelte/internal/disclose-version";
