// The second inline script of an embed page: selecting a node or an edge (click, tap, or Enter
// or Space on a focused node or line) shows its sources (document, quote, date) in the panel under the
// map, built from the page's JSON data block with textContent only; Escape or the close button
// hides it and gives focus back. Constant, so one CSP hash allows it everywhere.
import { createHash } from 'node:crypto';

export const PANEL_SCRIPT =
  '(function(){var panel=document.getElementById("panel"),src=document.getElementById("map-data");if(!panel||!src)return;' +
  'var data=JSON.parse(src.textContent),body=panel.querySelector(".panel-body"),close=panel.querySelector(".close"),current=null;' +
  'function el(tag,text){var x=document.createElement(tag);if(text!=null)x.textContent=text;return x;}' +
  'function sources(e){var box=document.createDocumentFragment();if(e.p){box.appendChild(el("p",e.p));return box;}' +
  'if(!e.s.length){box.appendChild(el("p","No source recorded."));return box;}var ul=el("ul");' +
  'e.s.forEach(function(s){var li=el("li"),doc=s[1]?el("a",s[0]):el("span",s[0]);if(s[1]){doc.href=s[1];doc.target="_blank";doc.rel="noopener noreferrer";}' +
  'li.appendChild(doc);li.appendChild(document.createTextNode(", "+s[2]+(s[3]?": ":"")));if(s[3])li.appendChild(el("q",s[3]));ul.appendChild(li);});' +
  'box.appendChild(ul);if(e.more)box.appendChild(el("p","and "+e.more+" more in the data."));return box;}' +
  'function content(ref){var k=+ref.slice(1),out=document.createDocumentFragment();' +
  'if(ref[0]==="e"){var e=data.e[k];if(!e)return null;out.appendChild(el("h2",e.h));out.appendChild(sources(e));return out;}' +
  'var n=data.n[k];if(!n)return null;out.appendChild(el("h2",n.h));if(n.m)out.appendChild(el("p",n.m));' +
  'if(!n.r.length)out.appendChild(el("p","No drawn relation."));else{var ul=el("ul");n.r.forEach(function(i){var li=el("li",data.e[i].h);li.appendChild(sources(data.e[i]));ul.appendChild(li);});out.appendChild(ul);}' +
  'return out;}' +
  'function hide(){panel.hidden=true;if(current){current.classList.remove("on");if(current.getAttribute("tabindex"))current.focus();}current=null;}' +
  'function show(x,byKey){var c=content(x.getAttribute("data-ref")||"");if(!c)return;' +
  'if(current)current.classList.remove("on");current=x;x.classList.add("on");body.replaceChildren(c);panel.hidden=false;if(byKey)close.focus();}' +
  'document.addEventListener("click",function(e){var x=e.target.closest&&e.target.closest("[data-ref]");if(x)show(x,false);});' +
  'document.addEventListener("keydown",function(e){if(e.key==="Escape"&&!panel.hidden){hide();return;}' +
  'var x=e.target.closest&&e.target.closest("[data-ref]");if(x&&(e.key==="Enter"||e.key===" ")){e.preventDefault();show(x,true);}});' +
  'close.addEventListener("click",hide);})();';

/** The CSP source expression that allows exactly PANEL_SCRIPT. */
export const PANEL_SCRIPT_HASH = `'sha256-${createHash('sha256').update(PANEL_SCRIPT).digest('base64')}'`;
