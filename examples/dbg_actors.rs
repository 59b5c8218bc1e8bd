use article_explorer::analysis::{actors, text::Document};
fn main() {
    let path = std::env::args().nth(1).unwrap();
    let a = article_explorer::article::read(&std::fs::read_to_string(&path).unwrap(), Some(&path)).unwrap();
    let doc = Document::new(&a);
    let act = actors::find_actors(&doc);
    for (i, a) in act.actors.iter().enumerate() { println!("{i}: {:?}", a); }
    for m in &act.mentions { println!("s{} {:?} {:?} {} nested={} poss={}", m.sentence, m.form, act.actors[m.actor].name, &doc.text[m.span.bytes()], m.nested, m.possessive); }
    for (s, subj) in act.subjects.iter().enumerate() { println!("S{s}: {:?}", subj.map(|m| act.actors[act.mentions[m].actor].name.clone())); }
}
