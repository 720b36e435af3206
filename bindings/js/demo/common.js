// Shared by the demo's panels: the Chinese labels of the contract's names, and a DOM helper.
// Display only; every figure comes from the WASM build.

/** 报事类型 request kinds. */
export const KIND = { repair: '报修', matter: '报事', complaint: '投诉', suggestion: '建议', inquiry: '咨询', praise: '表扬' };

/** SLA clocks 时限. */
export const CLOCK = {
  dispatch: '派单 dispatch',
  accept: '接单 accept',
  arrive: '到场 arrive',
  complete: '完成 complete',
  reply: '回复 reply',
  callback: '回访 callback',
};

/** An element with attributes (`class`, `dataset`, others) and children (nodes or text). */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === 'class') node.className = v;
    else if (k === 'dataset') Object.assign(node.dataset, v);
    else node.setAttribute(k, v);
  }
  for (const c of children) node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return node;
}
