/** Placeholder until the module's first class lands. */
package dev.sgreach.cli;
