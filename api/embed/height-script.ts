// The one inline script of an embed page: it posts the page height to the host in the
// Datawrapper convention ({"datawrapper-height": {"<chart-id>": px}}) whenever it changes.
// It is constant (the chart id is read from the page), so one CSP hash allows it everywhere.
import { createHash } from 'node:crypto';

export const HEIGHT_SCRIPT =
  '(function(){var d=document.documentElement,id=d.getAttribute("data-chart-id"),last=-1;' +
  'function send(){var h=Math.ceil(d.getBoundingClientRect().height);if(h===last||window.parent===window)return;last=h;' +
  'var m={};m[id]=h;window.parent.postMessage({"datawrapper-height":m},"*");}' +
  'window.addEventListener("load",send);window.addEventListener("resize",send);' +
  'if(window.ResizeObserver)new ResizeObserver(send).observe(d);send();})();';

/** The CSP source expression that allows exactly HEIGHT_SCRIPT. */
export const HEIGHT_SCRIPT_HASH = `'sha256-${createHash('sha256').update(HEIGHT_SCRIPT).digest('base64')}'`;

/** What a host page adds once to resize every embed iframe from the height messages. */
export const HOST_SNIPPET =
  '<script>window.addEventListener("message",function(e){var m=e.data&&e.data["datawrapper-height"];if(!m)return;' +
  'var f=document.querySelectorAll("iframe");for(var i=0;i<f.length;i++)if(f[i].contentWindow===e.source)' +
  'for(var k in m)f[i].style.height=m[k]+"px";});</script>';
