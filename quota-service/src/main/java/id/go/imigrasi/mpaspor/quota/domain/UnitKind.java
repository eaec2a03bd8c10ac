package id.go.imigrasi.mpaspor.quota.domain;

/** What kind of place an office of the directory is: a Kantor Imigrasi, or a unit a Kantor runs elsewhere. */
public enum UnitKind {
    /** Kantor Imigrasi. */
    KANTOR,
    /** Unit Layanan Paspor: a passport counter of a Kantor, often in a mall. */
    ULP,
    /** The passport counter of a Kantor in a Mal Pelayanan Publik. */
    MPP,
    /** Unit Kerja Kantor: a Kantor's post in a regency far from it. */
    UKK
}
