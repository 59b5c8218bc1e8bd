//! The service worker (`public/sw.js`): registered so the explorer opens offline, and the
//! quiet "New version — Reload" notice when a new deployment's worker is waiting. Nothing
//! swaps versions under the reader: the waiting worker takes over only when they click
//! Reload, and the page then reloads once, whole, on the new version.
//!
//! Release builds only: a debug build (`trunk serve`) registers no worker, and unregisters
//! one a release build left on the same address, so live reload is never served from a cache.

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{ServiceWorkerRegistration, ServiceWorkerState};

/// Registers the worker (release builds, where the browser has service workers and the page is
/// not embedded) and returns the signal that holds the registration once a new version waits.
pub fn register() -> RwSignal<Option<ServiceWorkerRegistrationHandle>> {
    let waiting = RwSignal::new(None);
    let Some(navigator) = web_sys::window().map(|w| w.navigator()) else { return waiting };
    // A browser without service workers (or a page not served over https or localhost) has
    // no `serviceWorker`; the explorer then simply works online only.
    if !js_sys::Reflect::has(&navigator, &"serviceWorker".into()).unwrap_or(false) {
        return waiting;
    }
    if cfg!(debug_assertions) {
        unregister_all(navigator.service_worker());
        return waiting;
    }
    if super::embed::is_embed() {
        return waiting;
    }
    let promise = navigator.service_worker().register("sw.js");
    leptos::task::spawn_local(async move {
        // A browser that blocks workers may resolve with nothing.
        let registered = wasm_bindgen_futures::JsFuture::from(promise).await;
        if let Ok(registration) = registered.and_then(|r| r.dyn_into::<ServiceWorkerRegistration>())
        {
            watch(registration, waiting);
        }
    });
    waiting
}

/// Removes every worker registered for this page's scope (a debug build's cleanup).
fn unregister_all(container: web_sys::ServiceWorkerContainer) {
    leptos::task::spawn_local(async move {
        let Ok(list) = wasm_bindgen_futures::JsFuture::from(container.get_registrations()).await
        else {
            return;
        };
        for registration in js_sys::Array::from(&list).iter() {
            if let Ok(r) = registration.dyn_into::<ServiceWorkerRegistration>() {
                if let Ok(p) = r.unregister() {
                    let _ = wasm_bindgen_futures::JsFuture::from(p).await;
                }
            }
        }
    });
}

/// A registration with a worker waiting to take over (`Send` for the signal; the app is
/// single-threaded).
#[derive(Clone)]
pub struct ServiceWorkerRegistrationHandle(send_wrapper::SendWrapper<ServiceWorkerRegistration>);

impl ServiceWorkerRegistrationHandle {
    /// Lets the waiting worker take over; the page reloads when it does.
    pub fn reload_on_new_version(&self) {
        let Some(worker) = self.0.waiting() else {
            let _ = web_sys::window().map(|w| w.location().reload());
            return;
        };
        if let Some(container) = web_sys::window().map(|w| w.navigator().service_worker()) {
            let reload = Closure::<dyn FnMut()>::new(|| {
                let _ = web_sys::window().map(|w| w.location().reload());
            });
            container.set_oncontrollerchange(Some(reload.as_ref().unchecked_ref()));
            reload.forget();
        }
        let _ = worker.post_message(&"skip-waiting".into());
    }
}

/// Sets `waiting` when a new worker has installed while an older one controls the page.
fn watch(
    registration: ServiceWorkerRegistration,
    waiting: RwSignal<Option<ServiceWorkerRegistrationHandle>>,
) {
    let has_controller =
        || web_sys::window().and_then(|w| w.navigator().service_worker().controller()).is_some();
    let offer = {
        let registration = registration.clone();
        move || {
            if registration.waiting().is_some() && has_controller() {
                waiting.set(Some(ServiceWorkerRegistrationHandle(send_wrapper::SendWrapper::new(
                    registration.clone(),
                ))));
            }
        }
    };
    offer();
    // A new worker may be installing already (the browser checks on every navigation, before
    // the app starts), or start to later.
    let follow = {
        let offer = offer.clone();
        move |installing: web_sys::ServiceWorker| {
            let worker = installing.clone();
            let offer = offer.clone();
            let on_state = Closure::<dyn FnMut()>::new(move || {
                if worker.state() == ServiceWorkerState::Installed {
                    offer();
                }
            });
            installing.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
            on_state.forget();
        }
    };
    if let Some(installing) = registration.installing() {
        follow(installing);
    }
    let on_found = {
        let registration = registration.clone();
        Closure::<dyn FnMut()>::new(move || {
            if let Some(installing) = registration.installing() {
                follow.clone()(installing);
            }
        })
    };
    registration.set_onupdatefound(Some(on_found.as_ref().unchecked_ref()));
    on_found.forget();
}
