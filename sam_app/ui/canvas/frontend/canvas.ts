// Pixel work of the annotation canvas, without Svelte: masks as row runs, brush strokes.

// The tools of the toolbar: [name, key, title].
export const TOOLS: [string, string, string][] = [
	["click", "v", "Click"],
	["brush", "b", "Brush"],
	["eraser", "e", "Eraser"],
	["polygon", "g", "Polygon"],
	["pan", "h", "Pan"],
	["region", "i", "Region"]
];

// What each tool does, for the help overlay.
export const TOOL_HELP: Record<string, string> = {
	click: "click tool: clicks prompt (the mode says what they add)",
	brush: "brush: paint the selected object's mask ([ / ] size)",
	eraser: "eraser: erase from the selected object's mask ([ / ] size)",
	polygon: "polygon tool: drag a vertex; double-click an edge adds one; Alt + click deletes one",
	pan: "pan tool: drag the image",
	region: "region tool: drag a region to segment inside it at full resolution; click: whole image"
};

// The canvas's own keys, shown in the help overlay after the mode's (its `shortcuts`) and its tools'.
export const CANVAS_KEYS: [string, string][] = [
	["wheel, + / −", "zoom in / out at the pointer"],
	["0 / O", "fit the image / actual size (1:1)"],
	["Space + drag, middle drag", "pan"],
	["M", "show / hide the masks"],
	["?", "this help (Esc closes it)"]
];

// Row runs as text (alternating 0 and 1 lengths in row-major order, 0s first, in COCO's
// compressed RLE letters: sam_app/ui/canvas to_runs) -> `colour` written into `pixels`
// (one Uint32 per pixel) where the mask is 1; other pixels are left alone. As pycocotools'
// rleFrString: 5 bits a letter (from "0"), 0x20 more to come, 0x10 the sign of the last;
// from the third length on, the one two before is added.
export function decode_runs(runs: string, pixels: Uint32Array, colour: number): void {
	const lengths: number[] = [];
	let p = 0;
	while (p < runs.length) {
		let x = 0, k = 0, more = 1;
		while (more) {
			const c = runs.charCodeAt(p) - 48;
			x |= (c & 0x1f) << (5 * k);
			more = c & 0x20;
			p++;
			k++;
			if (!more && c & 0x10) x |= -1 << (5 * k);
		}
		if (lengths.length > 2) x += lengths[lengths.length - 2];
		lengths.push(x);
	}
	let at = 0;
	for (let i = 0; i < lengths.length; i++) {
		const end = at + lengths[i];
		if (i % 2 === 1) pixels.fill(colour, at, Math.min(end, pixels.length));
		at = end;
	}
}

// Set every pixel whose centre lies within `r` of the segment a-b (a capsule; a point
// when a = b) to `colour`, in a w x h image of Uint32 pixels; the same rule as
// sam_app/edits.py on the server. Returns the changed rectangle [x, y, width, height] or null.
export function paint_capsule(pixels: Uint32Array, w: number, h: number, a: number[], b: number[],
	r: number, colour: number): [number, number, number, number] | null {
	const x0 = Math.max(0, Math.floor(Math.min(a[0], b[0]) - r - 1));
	const y0 = Math.max(0, Math.floor(Math.min(a[1], b[1]) - r - 1));
	const x1 = Math.min(w - 1, Math.ceil(Math.max(a[0], b[0]) + r + 1));
	const y1 = Math.min(h - 1, Math.ceil(Math.max(a[1], b[1]) + r + 1));
	if (x0 > x1 || y0 > y1) return null;
	const dx = b[0] - a[0], dy = b[1] - a[1];
	const len2 = dx * dx + dy * dy;
	const r2 = r * r;
	for (let y = y0; y <= y1; y++) {
		const py = y + 0.5;
		for (let x = x0; x <= x1; x++) {
			const px = x + 0.5;
			let t = len2 > 0 ? ((px - a[0]) * dx + (py - a[1]) * dy) / len2 : 0;
			t = t < 0 ? 0 : t > 1 ? 1 : t;
			const ex = px - (a[0] + t * dx), ey = py - (a[1] + t * dy);
			if (ex * ex + ey * ey <= r2) pixels[y * w + x] = colour;
		}
	}
	return [x0, y0, x1 - x0 + 1, y1 - y0 + 1];
}

// The nearest vertex of `rings` to `p` within `reach` (image pixels): [ring, index] or null.
export function nearest_vertex(rings: number[][][], p: number[], reach: number): [number, number] | null {
	let best: [number, number] | null = null, least = reach * reach;
	rings.forEach((ring, r) => ring.forEach((v, i) => {
		const d = (v[0] - p[0]) ** 2 + (v[1] - p[1]) ** 2;
		if (d <= least) { least = d; best = [r, i]; }
	}));
	return best;
}

// The nearest edge of `rings` to `p` within `reach`: [ring, index of the edge's second vertex] or null.
export function nearest_edge(rings: number[][][], p: number[], reach: number): [number, number] | null {
	let best: [number, number] | null = null, least = reach * reach;
	rings.forEach((ring, r) => ring.forEach((b, i) => {
		const a = ring[(i + ring.length - 1) % ring.length];
		const dx = b[0] - a[0], dy = b[1] - a[1], len2 = dx * dx + dy * dy;
		const t = len2 > 0 ? Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2)) : 0;
		const d = (a[0] + t * dx - p[0]) ** 2 + (a[1] + t * dy - p[1]) ** 2;
		if (d <= least) { least = d; best = [r, i]; }
	}));
	return best;
}

// Outlines: every pixel of `pixels` (w x h, Uint32 RGBA little-endian) whose colour differs
// from its right or lower neighbour's, on either side, made opaque (alpha 255), so that a
// mask reads on a picture of its own colour.
export function outline_masks(pixels: Uint32Array, w: number, h: number): void {
	const OPAQUE = 0xff000000;
	for (let y = 0; y < h; y++) {
		const row = y * w;
		for (let x = 0; x < w; x++) {
			const p = row + x, v = pixels[p] & 0xffffff;
			if (x + 1 < w && (pixels[p + 1] & 0xffffff) !== v) {
				if (v) pixels[p] |= OPAQUE;
				if (pixels[p + 1] & 0xffffff) pixels[p + 1] |= OPAQUE;
			}
			if (y + 1 < h && (pixels[p + w] & 0xffffff) !== v) {
				if (v) pixels[p] |= OPAQUE;
				if (pixels[p + w] & 0xffffff) pixels[p + w] |= OPAQUE;
			}
		}
	}
}
