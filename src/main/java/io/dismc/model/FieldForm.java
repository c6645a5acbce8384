package io.dismc.model;

/** Which representation of the local field to use; AUTO picks by cost (docs/models.md 1.1.2). */
public enum FieldForm {
    AUTO, PATTERN, J;

    /** Pattern form costs O(P) per update and needs no N x N matrix: it wins when P &lt; N. */
    public FieldForm resolve(int n, int p) {
        if (this != AUTO) {
            return this;
        }
        return p < n ? PATTERN : J;
    }
}
