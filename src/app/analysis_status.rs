//! Where the workspace's analysis stands, at the foot of the window: "Analysing 120
//! of 500 articles" with a bar while the worker works, nothing once it is done, and a
//! failure with "Retry" if the worker stops (the text, and any analysis already shown, stay).

use leptos::prelude::*;

use super::analyst::Status;
use super::i18n::{count, fill, t};
use super::state::Ws;
use crate::analysis::corpus::Stage;

/// The status line of `ws`'s analysis.
#[component]
pub fn AnalysisStatus(ws: Ws) -> impl IntoView {
    let status = ws.analyst.status;
    move || {
        match status.get() {
            Status::Finished => ().into_any(),
            Status::Failed(why) => view! {
                <div class="failure analysis-failed" role="alert">
                    <p>{fill("analysis.failed", &[("why", &why)])}</p>
                    <button type="button" on:click=move |_| ws.analyst.retry()>{t("analysis.retry")}</button>
                </div>
            }
            .into_any(),
            Status::Waiting => view! {
                <p class="status analysis-status" role="status">
                    <span class="spinner" aria-hidden="true"></span>{t("analysis.waiting")}
                </p>
            }
            .into_any(),
            Status::Working { stage, done, total } => {
                let key = match stage {
                    Stage::Reading => "analysis.reading",
                    Stage::Linking => "analysis.linking",
                };
                let words = count(key, total, &[("done", &done.min(total))]);
                view! {
                    <p class="status analysis-status" role="status">
                        <span class="spinner" aria-hidden="true"></span>
                        <span>{words}</span>
                        {(total > 1).then(|| view! { <progress max=total value=done></progress> })}
                    </p>
                }
                .into_any()
            }
        }
    }
}
