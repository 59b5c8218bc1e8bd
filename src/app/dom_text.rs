//! Positions in rendered text: a paragraph is text nodes split by highlight marks, and DOM
//! ranges count UTF-16 code units, so moving between "offset in the paragraph's text" and a
//! (node, offset) DOM position needs a walk over its text nodes. Used to select search results
//! and to read the user's selection.

use wasm_bindgen::JsCast;

/// The text nodes under `root`, in document order.
fn text_nodes(root: &web_sys::Node) -> Vec<web_sys::Node> {
    let mut out = Vec::new();
    let mut stack = vec![root.clone()];
    while let Some(node) = stack.pop() {
        if node.node_type() == web_sys::Node::TEXT_NODE {
            out.push(node);
            continue;
        }
        let children = node.child_nodes();
        for i in (0..children.length()).rev() {
            if let Some(child) = children.item(i) {
                stack.push(child);
            }
        }
    }
    out
}

fn utf16_len(node: &web_sys::Node) -> u32 {
    node.text_content().map_or(0, |t| t.encode_utf16().count() as u32)
}

/// The text node and offset at UTF-16 offset `target` of `root`'s text (the end of the last
/// text node when `target` is past it).
pub fn position(root: &web_sys::Element, target: u32) -> Option<(web_sys::Node, u32)> {
    let mut seen = 0u32;
    let mut last = None;
    for node in text_nodes(root.unchecked_ref()) {
        let len = utf16_len(&node);
        if target <= seen + len {
            return Some((node, target - seen));
        }
        seen += len;
        last = Some((node, len));
    }
    last
}

/// The UTF-16 offset in `root`'s text of the DOM position (`node`, `offset`), where `offset`
/// counts code units in a text node and child nodes in an element, as DOM ranges do.
pub fn offset(root: &web_sys::Element, node: &web_sys::Node, offset: u32) -> u32 {
    // The text node the position is in (or just before), and the code units into it.
    let (anchor, into) = if node.node_type() == web_sys::Node::TEXT_NODE {
        (Some(node.clone()), offset)
    } else {
        match node.child_nodes().item(offset) {
            Some(child) => (text_nodes(&child).into_iter().next(), 0),
            // After the element's last child: at the end of its last text node.
            None => match text_nodes(node).pop() {
                Some(last) => {
                    let len = utf16_len(&last);
                    (Some(last), len)
                }
                None => (None, 0),
            },
        }
    };
    let mut seen = 0u32;
    for t in text_nodes(root.unchecked_ref()) {
        if anchor.as_ref().is_some_and(|a| a.is_same_node(Some(&t))) {
            return seen + into;
        }
        seen += utf16_len(&t);
    }
    seen
}
