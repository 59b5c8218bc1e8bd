//! Entry point: mounting only. Everything else lives in the library so tests can import it.

#[cfg(target_arch = "wasm32")]
fn main() {
    article_explorer::app::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("article-explorer is a web app: run scripts/serve and open http://127.0.0.1:8080");
    std::process::exit(2);
}
