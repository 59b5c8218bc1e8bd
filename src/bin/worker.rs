//! The analysis worker's module (`jobs`, `worker`): built by Trunk from the second
//! `rel="rust"` link of index.html and started by `public/worker-loader.js`.

#[cfg(target_arch = "wasm32")]
fn main() {
    article_explorer::worker::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("the analysis worker runs in a browser, started by the app");
    std::process::exit(2);
}
