// A frame between the LMS and the module, as LMSs nest them: ?depth=N adds N more frames.
const params = new URLSearchParams(location.search);
const depth = Number(params.get('depth') ?? 0);
const src = params.get('src') ?? '';
const inner = document.getElementById('inner') as HTMLIFrameElement;
inner.style.width = '100%';
inner.style.height = '100vh';
inner.style.border = '0';
inner.src = depth > 0 ? `/player/frame.html?depth=${depth - 1}&src=${encodeURIComponent(src)}` : src;
export {};
