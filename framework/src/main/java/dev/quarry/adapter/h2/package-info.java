/** H2, the pure-Java embedded engine the framework's SQL tests run on. */
package dev.quarry.adapter.h2;
