//! "Recent": the articles, corpora and statements files the user opened, kept in IndexedDB
//! so they reopen after a reload and offline (`?recent=KEY`), each with "Forget", and the
//! storage the browser gives the explorer. What is kept is the core's [`Kept`] as JSON, one
//! entry per key in one object store; an entry that cannot be read is moved to a second
//! store ("set-aside") and reported, never a crash and never silently lost. A browser that
//! refuses to keep one (quota, private mode) gets a message; the article stays open.
//!
//! Written on `web_sys` directly: the four requests needed (open, put, get all, delete)
//! take a promise adapter of a few lines, where an IndexedDB crate (`idb`, `rexie`) would
//! bring its builders and error types into the module for them.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbRequest, IdbTransactionMode};

use super::i18n::{fill, tr};
use crate::open::Kept;

const DB: &str = "article-explorer";
const VERSION: u32 = 1;
const KEPT: &str = "opened";
const SET_ASIDE: &str = "set-aside";

/// The result of an IndexedDB request, once it settles.
async fn settled(request: &IdbRequest) -> Result<JsValue, JsValue> {
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        let ok = Closure::once_into_js(move |event: web_sys::Event| {
            let request: IdbRequest =
                event.target().expect("a request event has a target").unchecked_into();
            let _ = resolve.call1(&JsValue::NULL, &request.result().unwrap_or(JsValue::UNDEFINED));
        });
        let failed = Closure::once_into_js(move |event: web_sys::Event| {
            let request: IdbRequest =
                event.target().expect("a request event has a target").unchecked_into();
            let error = request.error().ok().flatten().map_or(JsValue::NULL, JsValue::from);
            let _ = reject.call1(&JsValue::NULL, &error);
        });
        request.set_onsuccess(Some(ok.unchecked_ref()));
        request.set_onerror(Some(failed.unchecked_ref()));
    });
    JsFuture::from(promise).await
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
    let factory = web_sys::window()
        .and_then(|w| w.indexed_db().ok().flatten())
        .ok_or_else(|| tr("recent.unavailable").to_string())?;
    let request = factory.open_with_u32(DB, VERSION).map_err(|e| reason(&e))?;
    let upgrade = Closure::once_into_js(move |event: web_sys::Event| {
        let Some(request) = event.target().and_then(|t| t.dyn_into::<IdbRequest>().ok()) else {
            return;
        };
        let Ok(db) = request.result().and_then(|r| r.dyn_into::<IdbDatabase>()) else { return };
        for store in [KEPT, SET_ASIDE] {
            if !db.object_store_names().contains(store) {
                let _ = db.create_object_store(store);
            }
        }
    });
    request.set_onupgradeneeded(Some(upgrade.unchecked_ref()));
    let db = settled(&request).await.map_err(|e| reason(&e))?;
    db.dyn_into().map_err(|_| tr("recent.unavailable").to_string())
}

/// Keeps `kept` (replacing an entry with its key); the error is a message for the user.
pub async fn keep(kept: &Kept) -> Result<(), String> {
    let db = open().await?;
    let json = serde_json::to_string(kept).map_err(|e| e.to_string())?;
    let store = db
        .transaction_with_str_and_mode(KEPT, IdbTransactionMode::Readwrite)
        .and_then(|t| t.object_store(KEPT))
        .map_err(|e| reason(&e))?;
    let request =
        store.put_with_key(&json.into(), &kept.key.as_str().into()).map_err(|e| reason(&e))?;
    settled(&request).await.map(|_| ()).map_err(|e| reason(&e))
}

/// The entry kept under `key`, if there is one that reads.
pub async fn get(key: &str) -> Result<Option<Kept>, String> {
    let db = open().await?;
    let store =
        db.transaction_with_str(KEPT).and_then(|t| t.object_store(KEPT)).map_err(|e| reason(&e))?;
    let request = store.get(&key.into()).map_err(|e| reason(&e))?;
    let value = settled(&request).await.map_err(|e| reason(&e))?;
    Ok(value.as_string().and_then(|json| serde_json::from_str(&json).ok()))
}

/// Every kept entry, newest first, and a notice for each one that could not be read (moved
/// to the set-aside store).
pub async fn list() -> Result<(Vec<Kept>, Vec<String>), String> {
    let db = open().await?;
    let store =
        db.transaction_with_str(KEPT).and_then(|t| t.object_store(KEPT)).map_err(|e| reason(&e))?;
    // Both requests before waiting: a transaction ends once it has nothing left to do.
    let keys = store.get_all_keys().map_err(|e| reason(&e))?;
    let values = store.get_all().map_err(|e| reason(&e))?;
    let keys: js_sys::Array = settled(&keys).await.map_err(|e| reason(&e))?.unchecked_into();
    let values: js_sys::Array = settled(&values).await.map_err(|e| reason(&e))?.unchecked_into();
    let (mut kept, mut notices) = (Vec::new(), Vec::new());
    for (key, value) in keys.iter().zip(values.iter()) {
        let read = value
            .as_string()
            .ok_or_else(|| tr("recent.not_text").to_string())
            .and_then(|json| serde_json::from_str::<Kept>(&json).map_err(|e| e.to_string()));
        match read {
            Ok(k) => kept.push(k),
            Err(why) => {
                set_aside(&db, &key, &value).await?;
                let name = key.as_string().unwrap_or_default();
                notices.push(fill("recent.set_aside", &[("name", &name), ("reason", &why)]));
            }
        }
    }
    kept.sort_by(|a, b| b.kept_at.total_cmp(&a.kept_at));
    Ok((kept, notices))
}

/// Moves an entry that cannot be read to the set-aside store, under its key.
async fn set_aside(db: &IdbDatabase, key: &JsValue, value: &JsValue) -> Result<(), String> {
    let transaction = db
        .transaction_with_str_sequence_and_mode(
            &js_sys::Array::of2(&KEPT.into(), &SET_ASIDE.into()),
            IdbTransactionMode::Readwrite,
        )
        .map_err(|e| reason(&e))?;
    let aside = transaction.object_store(SET_ASIDE).map_err(|e| reason(&e))?;
    let put = aside.put_with_key(value, key).map_err(|e| reason(&e))?;
    let delete =
        transaction.object_store(KEPT).and_then(|s| s.delete(key)).map_err(|e| reason(&e))?;
    settled(&put).await.map_err(|e| reason(&e))?;
    settled(&delete).await.map(|_| ()).map_err(|e| reason(&e))
}

/// Forgets the entry under `key`.
pub async fn forget(key: &str) -> Result<(), String> {
    let db = open().await?;
    let store = db
        .transaction_with_str_and_mode(KEPT, IdbTransactionMode::Readwrite)
        .and_then(|t| t.object_store(KEPT))
        .map_err(|e| reason(&e))?;
    let request = store.delete(&key.into()).map_err(|e| reason(&e))?;
    settled(&request).await.map(|_| ()).map_err(|e| reason(&e))
}

/// The storage the explorer uses and may use, in bytes, as the browser estimates them.
pub async fn usage() -> Option<(f64, f64)> {
    let storage = web_sys::window()?.navigator().storage();
    let estimate = JsFuture::from(storage.estimate().ok()?).await.ok()?;
    let estimate: web_sys::StorageEstimate = estimate.unchecked_into();
    Some((estimate.get_usage()?, estimate.get_quota()?))
}
