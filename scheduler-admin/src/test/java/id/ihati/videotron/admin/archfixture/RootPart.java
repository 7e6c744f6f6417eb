package id.ihati.videotron.admin.archfixture;

/** Planted: the fixture's root package (a composition root that features must not import). */
public final class RootPart {
}
