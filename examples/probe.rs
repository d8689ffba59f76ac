use annals::internals::Extractor;
fn main() {
    let mut ex = Extractor::default();
    for para in std::env::args().skip(1) {
        for (range, date, os) in ex.paragraph(&para, &|_| true) {
            println!("{} {:?} | {}", date.edtf(), os.map(|d| d.edtf()), &para[range]);
        }
        println!("--");
    }
}
