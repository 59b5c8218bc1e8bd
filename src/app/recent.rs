//! "Recent": the articles, corpora and statements files the user opened, kept in IndexedDB
//! so they reopen after a reload and offline (`?recent=KEY`), each with "Forget", and the
//! storage the browser gives the explorer. What is kept is the core's [`Kept`]: its listing
//! (title, count, date, address) as JSON in one store, its text in another under the same
//! key, so the menu reads the listings and only reopening reads a text. An entry that cannot
//! be read is moved to a third store ("set-aside") and reported, never a crash and never
//! silently lost. A write counts once its transaction has committed: a browser that refuses
//! (quota, private mode) gets a message, and the article stays open.
//!
//! Written on `web_sys` directly: the few requests needed (open, put, get, get all, delete)
//! take a promise adapter of a few lines, where an IndexedDB crate (`idb`, `rexie`) would
//! bring its builders and error types into the module for them.

use std::cell::RefCell;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbRequest, IdbTransaction, IdbTransactionMode};

use super::i18n::{fill, tr};
use crate::open::Kept;

const DB: &str = "article-explorer";
const VERSION: u32 = 1;
/// Each entry's listing: its `Kept` without the text, as JSON.
const LISTED: &str = "kept";
/// Each entry's text, under the same key.
const TEXTS: &str = "kept-text";
const SET_ASIDE: &str = "set-aside";
/// The service worker's cache of answers fetched from addresses (public/sw.js).
const OPENED_CACHE: &str = "article-explorer-opened-v1";

thread_local! {
    /// One connection for the page, closed when another tab opens a newer version.
    static CONNECTION: RefCell<Option<IdbDatabase>> = const { RefCell::new(None) };
}

/// A promise settled by `on_ok` / `on_fail` handlers that `arm` installs.
async fn settle(arm: impl FnOnce(JsValue, JsValue)) -> Result<JsValue, JsValue> {
    let mut arm = Some(arm);
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        if let Some(arm) = arm.take() {
            arm(resolve.into(), reject.into());
        }
    });
    JsFuture::from(promise).await
}

/// The result of an IndexedDB request, once it succeeds or fails.
async fn done(request: &IdbRequest) -> Result<JsValue, JsValue> {
    settle(|resolve, reject| {
        let (resolve, reject): (js_sys::Function, js_sys::Function) =
            (resolve.unchecked_into(), reject.unchecked_into());
        let ok = Closure::once_into_js(move |event: web_sys::Event| {
            let result = event
                .target()
                .and_then(|t| t.dyn_into::<IdbRequest>().ok())
                .and_then(|r| r.result().ok())
                .unwrap_or(JsValue::UNDEFINED);
            let _ = resolve.call1(&JsValue::NULL, &result);
        });
        let failed = Closure::once_into_js(move |event: web_sys::Event| {
            let error = event
                .target()
                .and_then(|t| t.dyn_into::<IdbRequest>().ok())
                .and_then(|r| r.error().ok().flatten())
                .map_or(JsValue::NULL, JsValue::from);
            let _ = reject.call1(&JsValue::NULL, &error);
        });
        request.set_onsuccess(Some(ok.unchecked_ref()));
        request.set_onerror(Some(failed.unchecked_ref()));
    })
    .await
}

/// The end of a transaction: committed, or aborted with its error (a full disk shows here,
/// after every request succeeded).
async fn committed(transaction: &IdbTransaction) -> Result<(), JsValue> {
    let t = transaction.clone();
    settle(move |resolve, reject| {
        let (resolve, reject): (js_sys::Function, js_sys::Function) =
            (resolve.unchecked_into(), reject.unchecked_into());
        let ok = Closure::once_into_js(move || {
            let _ = resolve.call0(&JsValue::NULL);
        });
        let tx = t.clone();
        let failed = Closure::<dyn FnMut()>::new(move || {
            let error = tx.error().map_or(JsValue::NULL, JsValue::from);
            let _ = reject.call1(&JsValue::NULL, &error);
        });
        t.set_oncomplete(Some(ok.unchecked_ref()));
        t.set_onabort(Some(failed.as_ref().unchecked_ref()));
        t.set_onerror(Some(failed.as_ref().unchecked_ref()));
        failed.forget();
    })
    .await
    .map(|_| ())
}

/// The reason an IndexedDB error gives, in words for the user.
fn reason(error: &JsValue) -> String {
    match error.dyn_ref::<web_sys::DomException>() {
        Some(e) if e.name() == "QuotaExceededError" => tr("recent.full").to_string(),
        Some(e) => e.message(),
        None => tr("recent.unavailable").to_string(),
    }
}

async fn open() -> Result<IdbDatabase, String> {
    if let Some(db) = CONNECTION.with(|c| c.borrow().clone()) {
        return Ok(db);
    }
    let factory = web_sys::window()
        .and_then(|w| w.indexed_db().ok().flatten())
        .ok_or_else(|| tr("recent.unavailable").to_string())?;
    let request = factory.open_with_u32(DB, VERSION).map_err(|e| reason(&e))?;
    let upgrade = Closure::once_into_js(move |event: web_sys::Event| {
        let Some(request) = event.target().and_then(|t| t.dyn_into::<IdbRequest>().ok()) else {
            return;
        };
        let Ok(db) = request.result().and_then(|r| r.dyn_into::<IdbDatabase>()) else { return };
        for store in [LISTED, TEXTS, SET_ASIDE] {
            if !db.object_store_names().contains(store) {
                let _ = db.create_object_store(store);
            }
        }
    });
    request.set_onupgradeneeded(Some(upgrade.unchecked_ref()));
    let db: IdbDatabase = done(&request)
        .await
        .map_err(|e| reason(&e))?
        .dyn_into()
        .map_err(|_| tr("recent.unavailable").to_string())?;
    // Another tab opening a newer version waits for this connection: close it, and open
    // afresh next time.
    let closing = db.clone();
    let on_version = Closure::<dyn FnMut()>::new(move || {
        closing.close();
        CONNECTION.with(|c| *c.borrow_mut() = None);
    });
    db.set_onversionchange(Some(on_version.as_ref().unchecked_ref()));
    on_version.forget();
    CONNECTION.with(|c| *c.borrow_mut() = Some(db.clone()));
    Ok(db)
}

/// A transaction over `stores`.
async fn transaction(stores: &[&str], mode: IdbTransactionMode) -> Result<IdbTransaction, String> {
    let db = open().await?;
    let names = stores.iter().map(|s| JsValue::from_str(s)).collect::<js_sys::Array>();
    db.transaction_with_str_sequence_and_mode(&names, mode).map_err(|e| reason(&e))
}

fn store(t: &IdbTransaction, name: &str) -> Result<web_sys::IdbObjectStore, String> {
    t.object_store(name).map_err(|e| reason(&e))
}

/// Keeps `kept` (replacing an entry with its key); the error is a message for the user.
pub async fn keep(kept: &Kept) -> Result<(), String> {
    let listing = serde_json::to_string(&Kept { text: String::new(), ..kept.clone() })
        .map_err(|e| e.to_string())?;
    let t = transaction(&[LISTED, TEXTS], IdbTransactionMode::Readwrite).await?;
    let key = JsValue::from_str(&kept.key);
    store(&t, LISTED)?.put_with_key(&listing.into(), &key).map_err(|e| reason(&e))?;
    store(&t, TEXTS)?.put_with_key(&kept.text.as_str().into(), &key).map_err(|e| reason(&e))?;
    committed(&t).await.map_err(|e| reason(&e))
}

/// The entry kept under `key`, with its text, if there is one that reads.
pub async fn get(key: &str) -> Result<Option<Kept>, String> {
    let t = transaction(&[LISTED, TEXTS], IdbTransactionMode::Readonly).await?;
    let listing = store(&t, LISTED)?.get(&key.into()).map_err(|e| reason(&e))?;
    let text = store(&t, TEXTS)?.get(&key.into()).map_err(|e| reason(&e))?;
    let listing = done(&listing).await.map_err(|e| reason(&e))?;
    let text = done(&text).await.map_err(|e| reason(&e))?;
    let listing = listing.as_string().and_then(|json| serde_json::from_str::<Kept>(&json).ok());
    Ok(listing.zip(text.as_string()).map(|(k, text)| Kept { text, ..k }))
}

/// Every kept entry's listing (no text), newest first, and a notice for each one that could
/// not be read (moved to the set-aside store).
pub async fn list() -> Result<(Vec<Kept>, Vec<String>), String> {
    let t = transaction(&[LISTED], IdbTransactionMode::Readonly).await?;
    let listed = store(&t, LISTED)?;
    // Both requests before waiting: a transaction ends once it has nothing left to do.
    let keys = listed.get_all_keys().map_err(|e| reason(&e))?;
    let values = listed.get_all().map_err(|e| reason(&e))?;
    let keys: js_sys::Array = done(&keys).await.map_err(|e| reason(&e))?.unchecked_into();
    let values: js_sys::Array = done(&values).await.map_err(|e| reason(&e))?.unchecked_into();
    let (mut kept, mut notices) = (Vec::new(), Vec::new());
    for (key, value) in keys.iter().zip(values.iter()) {
        let read = value
            .as_string()
            .ok_or_else(|| tr("recent.not_text").to_string())
            .and_then(|json| serde_json::from_str::<Kept>(&json).map_err(|e| e.to_string()));
        match read {
            Ok(k) => kept.push(k),
            Err(why) => {
                set_aside(&key, &value).await?;
                let name = key.as_string().unwrap_or_default();
                notices.push(fill("recent.set_aside", &[("name", &name), ("reason", &why)]));
            }
        }
    }
    kept.sort_by(|a, b| b.kept_at.total_cmp(&a.kept_at));
    Ok((kept, notices))
}

/// Moves an entry that cannot be read to the set-aside store, under its key.
async fn set_aside(key: &JsValue, value: &JsValue) -> Result<(), String> {
    let t = transaction(&[LISTED, TEXTS, SET_ASIDE], IdbTransactionMode::Readwrite).await?;
    store(&t, SET_ASIDE)?.put_with_key(value, key).map_err(|e| reason(&e))?;
    store(&t, LISTED)?.delete(key).map_err(|e| reason(&e))?;
    store(&t, TEXTS)?.delete(key).map_err(|e| reason(&e))?;
    committed(&t).await.map_err(|e| reason(&e))
}

/// Forgets `kept`: its entry, and the service worker's copy of the answer it was fetched in.
pub async fn forget(kept: &Kept) -> Result<(), String> {
    let t = transaction(&[LISTED, TEXTS], IdbTransactionMode::Readwrite).await?;
    let key = JsValue::from_str(&kept.key);
    store(&t, LISTED)?.delete(&key).map_err(|e| reason(&e))?;
    store(&t, TEXTS)?.delete(&key).map_err(|e| reason(&e))?;
    committed(&t).await.map_err(|e| reason(&e))?;
    if let (Some(src), Some(caches)) = (&kept.src, web_sys::window().and_then(|w| w.caches().ok()))
    {
        if let Ok(cache) = JsFuture::from(caches.open(OPENED_CACHE)).await {
            let cache: web_sys::Cache = cache.unchecked_into();
            let _ = JsFuture::from(cache.delete_with_str(src)).await;
        }
    }
    Ok(())
}

/// The storage the explorer uses and may use, in bytes, as the browser estimates them.
pub async fn usage() -> Option<(f64, f64)> {
    let storage = web_sys::window()?.navigator().storage();
    let estimate = JsFuture::from(storage.estimate().ok()?).await.ok()?;
    let estimate: web_sys::StorageEstimate = estimate.unchecked_into();
    Some((estimate.get_usage()?, estimate.get_quota()?))
}
