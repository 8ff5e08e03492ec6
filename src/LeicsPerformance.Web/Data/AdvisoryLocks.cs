namespace LeicsPerformance.Web.Data;

/// <summary>
/// The PostgreSQL advisory lock keys the app takes, in one place: two writers that must not overlap have to agree
/// on the key, and a key chosen twice by accident would serialise unrelated work.
/// </summary>
public static class AdvisoryLocks
{
    /// <summary>
    /// Every write of values or catalogue (a return's commit, a revert, a catalogue load), held for the transaction:
    /// commits are short, and one at a time keeps "nothing moved since the preview" true until the write.
    /// </summary>
    public const long Writes = 7231;

    /// <summary>The schema migrator at start-up, held for the session, so two processes starting together do not race.</summary>
    public const long Schema = 0x4C_65_69_63_73; // "Leics"

    /// <summary>Making the first data-protection key at start-up, held for the session, so instances starting together make one.</summary>
    public const long DataProtectionKey = 0x4C_65_69_63_73_4B; // "LeicsK"

    /// <summary>
    /// The class of the per-upload lock a confirm holds on its own session (the second key is the upload's hash): a
    /// confirm killed with its process frees its upload when PostgreSQL ends the session.
    /// </summary>
    public const int UploadConfirm = 0x4C_50_55; // "LPU"
}
