package dev.quarry.project;

import java.util.List;

import dev.quarry.error.SourceLocation;

/** A YAML sequence. */
public record YamlList(List<YamlNode> items, SourceLocation location) implements YamlNode {

    public YamlList {
        items = List.copyOf(items);
    }

    @Override
    public String describe() {
        return "a list";
    }

    @Override
    public Object toPlain() {
        return items.stream().map(YamlNode::toPlain).toList();
    }
}
