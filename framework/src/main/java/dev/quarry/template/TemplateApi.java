package dev.quarry.template;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.quarry.error.DidYouMean;
import dev.quarry.error.SourceLocation;
import freemarker.core.DirectiveCallPlace;
import freemarker.core.Environment;
import freemarker.template.ObjectWrapper;
import freemarker.template.SimpleHash;
import freemarker.template.TemplateDirectiveModel;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateScalarModel;
import freemarker.template.utility.DeepUnwrap;

/** Builds the names a template sees for one rendering, backed by a {@link RenderContext}. */
final class TemplateApi {

    private TemplateApi() {
    }

    static SimpleHash dataModel(RenderContext context, RenderEnvironment environment, RenderTrace trace,
            ObjectWrapper wrapper) {
        SimpleHash model = new SimpleHash(wrapper);
        model.put("ref", (TemplateMethodModelEx) arguments -> ref(context, arguments));
        model.put("source", (TemplateMethodModelEx) arguments -> source(context, arguments));
        model.put("source_has_files", (TemplateMethodModelEx) arguments -> sourceHasFiles(context, arguments,
                trace));
        model.put("var", (TemplateMethodModelEx) arguments -> var(context, arguments, wrapper));
        model.put("env_var", (TemplateMethodModelEx) arguments -> envVar(context, arguments, trace));
        model.put("doc", (TemplateMethodModelEx) arguments -> doc(context, arguments));
        model.put("is_incremental", (TemplateMethodModelEx) arguments -> context.isIncremental());
        model.put("config", (TemplateDirectiveModel) (env, params, loopVars, body) -> config(context, env, params));
        model.put("this", new RelationModel(context.self()));
        model.put("target", environment.target());
        model.put("run_started_at", invocationValue(environment.runStartedAt(), trace));
        model.put("invocation_id", invocationValue(environment.invocationId(), trace));
        return model;
    }

    private static TemplateModel ref(RenderContext context, List<?> arguments) throws TemplateModelException {
        List<String> names = strings("ref", arguments, 1, 2);
        Relation relation = names.size() == 1 ? context.ref(null, names.get(0)) : context.ref(names.get(0),
                names.get(1));
        return new RelationModel(relation);
    }

    private static TemplateModel source(RenderContext context, List<?> arguments) throws TemplateModelException {
        List<String> names = strings("source", arguments, 2, 2);
        return new RelationModel(context.source(names.get(0), names.get(1)));
    }

    private static boolean sourceHasFiles(RenderContext context, List<?> arguments, RenderTrace trace)
            throws TemplateModelException {
        List<String> names = strings("source_has_files", arguments, 2, 2);
        boolean found = context.sourceHasFiles(names.get(0), names.get(1));
        trace.lookedAtFiles(names.get(0), names.get(1), found);
        return found;
    }

    private static Object var(RenderContext context, List<?> arguments, ObjectWrapper wrapper)
            throws TemplateModelException {
        if (arguments.isEmpty() || arguments.size() > 2) {
            throw new TemplateCallException("var() takes a name and an optional default, not " + arguments.size()
                    + " arguments", "write var('name') or var('name', 'default')");
        }
        String name = strings("var", arguments.subList(0, 1), 1, 1).get(0);
        Object value = context.var(name);
        if (value != null) {
            return wrapper.wrap(value);
        }
        if (arguments.size() == 2) {
            return arguments.get(1);
        }
        String hint = DidYouMean.hint(name, context.varNames());
        throw new TemplateCallException("var '" + name + "' has no value and no default", hint != null ? hint
                : "define it under 'vars:' in quarry_project.yml, pass --vars '{" + name + ": ...}', "
                        + "or give a default: var('" + name + "', 'value')");
    }

    private static String envVar(RenderContext context, List<?> arguments, RenderTrace trace)
            throws TemplateModelException {
        List<String> values = strings("env_var", arguments, 1, 2);
        String name = values.get(0);
        String value = context.envVar(name);
        trace.readEnvVar(name, value);
        if (value != null) {
            return value;
        }
        if (values.size() == 2) {
            return values.get(1);
        }
        throw new TemplateCallException("environment variable '" + name + "' is not set",
                "set it, or give a default: env_var('" + name + "', 'value')");
    }

    private static String doc(RenderContext context, List<?> arguments) throws TemplateModelException {
        String name = strings("doc", arguments, 1, 1).get(0);
        String text = context.doc(name);
        if (text == null) {
            String hint = DidYouMean.hint(name, context.docNames());
            throw new TemplateCallException("doc block '" + name + "' does not exist", hint != null ? hint
                    : "define it in a .md file under the model paths: <#-- docs " + name + " --> ... <#-- enddocs -->");
        }
        return text;
    }

    private static void config(RenderContext context, Environment env, Map<?, ?> params)
            throws TemplateModelException {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : params.entrySet()) {
            values.put((String) entry.getKey(), DeepUnwrap.unwrap((TemplateModel) entry.getValue()));
        }
        DirectiveCallPlace place = env.getCurrentDirectiveCallPlace();
        SourceLocation location = new SourceLocation(place.getTemplate().getSourceName(), place.getBeginLine(),
                place.getBeginColumn());
        context.config(values, location);
    }

    private static TemplateScalarModel invocationValue(String value, RenderTrace trace) {
        return () -> {
            trace.usedInvocationValues();
            return value;
        };
    }

    private static List<String> strings(String function, List<?> arguments, int min, int max)
            throws TemplateModelException {
        if (arguments.size() < min || arguments.size() > max) {
            String expected = min == max ? String.valueOf(min) : min + " or " + max;
            throw new TemplateCallException(function + "() takes " + expected + " arguments, not "
                    + arguments.size(), usage(function));
        }
        List<String> values = new java.util.ArrayList<>();
        for (Object argument : arguments) {
            if (!(argument instanceof TemplateScalarModel scalar)) {
                throw new TemplateCallException(function + "() takes names in quotes", usage(function));
            }
            values.add(scalar.getAsString());
        }
        return values;
    }

    private static String usage(String function) {
        return switch (function) {
            case "ref" -> "write ref('model') or ref('project', 'model')";
            case "source" -> "write source('source_name', 'table_name')";
            case "source_has_files" -> "write source_has_files('source_name', 'table_name')";
            case "env_var" -> "write env_var('NAME') or env_var('NAME', 'default')";
            case "doc" -> "write doc('block_name')";
            default -> "write " + function + "('name')";
        };
    }
}
