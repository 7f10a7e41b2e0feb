// Builds the canvas into ../templates/component (index.js, style.css, svelte_runtime_entry.js),
// as Gradio's `gradio cc build` (@gradio/preview) lays a custom component out, and records a
// hash of the sources there so that the suite can tell a stale build without Node.js.
import { createHash } from "crypto";
import { readFileSync, writeFileSync } from "fs";
import { dirname, join } from "path";
import { fileURLToPath } from "url";

import { svelte } from "@sveltejs/vite-plugin-svelte";
import { build } from "vite";

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, "..", "templates", "component");
export const SOURCES = ["Index.svelte", "canvas.ts", "svelte_runtime_entry.js", "build.mjs", "package.json",
	"package-lock.json"];

await build({
	root: here,
	configFile: false,
	logLevel: "warn",
	plugins: [
		svelte({ inspector: false, prebundleSvelteLibraries: false, compilerOptions: { discloseVersion: false } }),
		{ name: "gradio-cc", transform: (code) => code.replace('"_NORMAL_"', '"_CC_"') }
	],
	build: {
		emptyOutDir: true,
		outDir: out,
		minify: true,
		lib: { entry: [join(here, "svelte_runtime_entry.js"), join(here, "Index.svelte")], formats: ["es"] },
		rollupOptions: {
			output: {
				assetFileNames: (info) => (info.names[0].endsWith(".css") ? "style.css" : info.names[0]),
				entryFileNames: (info) => (info.name === "svelte_runtime_entry" ? "svelte_runtime_entry.js" : "index.js")
			}
		}
	}
});

const hash = createHash("sha256");
for (const name of SOURCES) hash.update(name + "\0").update(readFileSync(join(here, name))).update("\0");
writeFileSync(join(out, "SOURCES.sha256"), hash.digest("hex") + "\n");
console.log(`built ${out}`);
