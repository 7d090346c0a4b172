// The second inline script of an embed page: selecting a node or an edge (click, tap, or Enter
// or Space on a focused node) shows its detail block (sources: document, quote, date) in the
// panel under the map; Escape or the close button hides it and gives focus back. Constant, so one
// CSP hash allows it everywhere.
import { createHash } from 'node:crypto';

export const PANEL_SCRIPT =
  '(function(){var panel=document.getElementById("panel");if(!panel)return;var body=panel.querySelector(".panel-body"),' +
  'close=panel.querySelector(".close"),current=null;' +
  'function hide(){panel.hidden=true;if(current){current.classList.remove("on");current.focus&&current.getAttribute("tabindex")&&current.focus();}current=null;}' +
  'function show(el,byKey){var ref=el.getAttribute("data-ref"),sec=document.querySelector("[data-for=\\""+ref+"\\"]");if(!sec)return;' +
  'if(current)current.classList.remove("on");current=el;el.classList.add("on");body.replaceChildren(sec.cloneNode(true));panel.hidden=false;' +
  'if(byKey)close.focus();}' +
  'document.addEventListener("click",function(e){var el=e.target.closest&&e.target.closest("[data-ref]");if(el){show(el,false);}});' +
  'document.addEventListener("keydown",function(e){if(e.key==="Escape"&&!panel.hidden){hide();return;}' +
  'var el=e.target.closest&&e.target.closest("[data-ref]");if(el&&(e.key==="Enter"||e.key===" ")){e.preventDefault();show(el,true);}});' +
  'close.addEventListener("click",hide);})();';

/** The CSP source expression that allows exactly PANEL_SCRIPT. */
export const PANEL_SCRIPT_HASH = `'sha256-${createHash('sha256').update(PANEL_SCRIPT).digest('base64')}'`;
