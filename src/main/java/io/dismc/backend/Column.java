package io.dismc.backend;

/**
 * Column {@code column} of matrix {@code matrix} of a stack: a pattern, a feature or a stored example,
 * as a configuration of N spins. With flips, a starting state at that distance from it.
 *
 * @param flips the sites whose spins are reversed (distinct; empty for the column itself)
 */
public record Column(SpinStack stack, int matrix, int column, int[] flips) {
    public Column {
        if (matrix < 0 || matrix >= stack.count() || column < 0 || column >= stack.cols()) {
            throw new IllegalArgumentException("column " + column + " of matrix " + matrix + " is outside a stack of " + stack.count()
                    + " matrices of " + stack.rows() + " x " + stack.cols());
        }
    }

    public static Column of(SpinStack stack, int matrix, int column) {
        return new Column(stack, matrix, column, new int[0]);
    }

    public Column flipped(int[] sites) {
        return new Column(stack, matrix, column, sites);
    }
}
