import { render } from "preact";
import { App } from "./app.view";
import "./styles.css";

// A file dropped beside a tile must not make the browser leave the page to open it.
for (const type of ["dragover", "drop"] as const) {
  window.addEventListener(type, (event) => {
    if (event.defaultPrevented) return;
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = "none";
  });
}

render(<App />, document.getElementById("app")!);
