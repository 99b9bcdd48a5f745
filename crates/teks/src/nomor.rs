//! Numbers as people read them aloud and copy them.

/// An 18-digit NIP or NI PPPK grouped as it is written ("19680303 199403 1 001"), so staff
/// can read it aloud; anything else as it is.
pub fn nip(nomor: &str) -> String {
    if nomor.len() != 18 || !nomor.bytes().all(|c| c.is_ascii_digit()) {
        return nomor.to_string();
    }
    format!(
        "{} {} {} {}",
        &nomor[0..8],
        &nomor[8..14],
        &nomor[14..15],
        &nomor[15..18]
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_nip_is_grouped_as_written() {
        assert_eq!(nip("196803031994031001"), "19680303 199403 1 001");
        assert_eq!(nip("19680303 199403 1 001"), "19680303 199403 1 001");
        assert_eq!(nip("12345"), "12345");
    }
}
