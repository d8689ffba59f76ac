use annals::internals::Extractor;
fn main() {
    let mut args = std::env::args().skip(1);
    let mut ex = Extractor::default();
    for para in args.by_ref() {
        for (range, date, _) in ex.paragraph(&para, &|_| true) {
            println!("{} | {}", date.edtf(), &para[range]);
        }
        println!("--");
    }
}
