/**
 * A small test harness that drives a real headless Chromium over the Chrome DevTools Protocol (CDP), for the
 * browser tests of the generated documentation site and dashboard: {@link dev.quarry.browser.HeadlessChromium} starts
 * the browser process, {@link dev.quarry.browser.CdpConnection} speaks CDP over the JDK's WebSocket, and
 * {@link dev.quarry.browser.Page} is one tab (evaluate, click, type, wait, console errors, screenshots, timings).
 *
 * <p>No Selenium or WebDriver: CDP over {@code java.net.http.WebSocket} and Jackson needs no extra dependency and no
 * driver binary matched to the browser's version. Tests skip (JUnit assumptions) when no {@code chromium} is
 * installed; on Debian {@code apt-get install chromium} provides it (CI's {@code .ci/run} installs it).
 */
package dev.quarry.browser;
