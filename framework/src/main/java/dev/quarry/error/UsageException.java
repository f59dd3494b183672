package dev.quarry.error;

/** The command line asks for something impossible: a bad selector, a target that does not exist in the profile. */
public final class UsageException extends QuarryException {

    public UsageException(String message) {
        super(ErrorCode.USAGE, message);
    }
}
