package org.kotaku.portal.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.AttributeKey;
import io.netty.util.ReferenceCountUtil;
import tools.jackson.databind.json.JsonMapper;

import org.kotaku.portal.api.PortalException;
import org.kotaku.portal.api.ProblemType;
import org.kotaku.portal.api.Problems;
import org.kotaku.portal.api.QueryString;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.netty.NettyPipeline;

/**
 * Answers, as problem+json, the requests that never reach the framework: a request line
 * or headers longer than Netty accepts (414, 431), another request Netty cannot decode
 * (400), and a request target that {@link java.net.URI} refuses, such as a {@code %} not
 * followed by two hex digits or a raw {@code "} (400 naming the parameter). Left alone,
 * each got an empty answer from the server or the framework. The connection is closed
 * after the answer, as nothing after a broken request on it can be trusted.
 */
@Configuration(proxyBeanMethods = false)
class RequestTargetGuard {

	@Bean
	NettyServerCustomizer requestTargetGuardCustomizer(JsonMapper json) {
		Guard guard = new Guard(json);
		return (server) -> server.doOnChannelInit((observer, channel, remote) -> {
			if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
				channel.pipeline().addAfter(NettyPipeline.HttpCodec, "portal.requestTargetGuard", guard);
			}
		});
	}

	/**
	 * The problem of a request that cannot be served as it was sent, null when it can.
	 */
	static Problems.Problem problemOf(HttpRequest request) {
		if (request.decoderResult().isFailure()) {
			Throwable cause = request.decoderResult().cause();
			if (cause instanceof TooLongHttpLineException) {
				return new Problems.Problem(ProblemType.URI_TOO_LONG, 414, "The request line is longer than the "
						+ "server accepts (server.netty.max-initial-line-length); send fewer or shorter parameters.",
						Map.of());
			}
			if (cause instanceof TooLongHttpHeaderException || cause instanceof TooLongFrameException) {
				return new Problems.Problem(ProblemType.HEADERS_TOO_LARGE, 431,
						"The request headers are larger than the server accepts.", Map.of());
			}
			return new Problems.Problem(ProblemType.MALFORMED_REQUEST, 400,
					"The request is not valid HTTP/1.1: " + cause.getMessage(), Map.of());
		}
		return targetProblem(request.uri());
	}

	/**
	 * Null when {@code target} is a URI the framework accepts, otherwise why it is not.
	 */
	static Problems.Problem targetProblem(String target) {
		try {
			new URI(target);
			return null;
		}
		catch (URISyntaxException ex) {
			int question = target.indexOf('?');
			if (question >= 0) {
				try {
					QueryString.check(target.substring(question + 1));
				}
				catch (PortalException bad) {
					return new Problems.Problem(bad.type(), 400, bad.detail(), bad.extensions());
				}
			}
			String at = ex.getIndex() >= 0 && ex.getIndex() < target.length()
					? " ('" + target.charAt(ex.getIndex()) + "' at position " + (ex.getIndex() + 1) + ")" : "";
			return new Problems.Problem(ProblemType.MALFORMED_REQUEST, 400, "The request target is not a valid URI" + at
					+ ": " + ex.getReason() + "; percent-encode it (a literal % is %25).", Map.of());
		}
	}

	/**
	 * Answers a request the framework never saw with its problem and closes the
	 * connection; {@code target} is the request's, null when Netty could not read it.
	 * {@code context} must sit after the HTTP codec.
	 */
	static void answerAndClose(ChannelHandlerContext context, JsonMapper json, Problems.Problem problem, String target,
			String requestId) {
		String instance = target == null ? null : target.split("\\?", 2)[0];
		byte[] body = json.writeValueAsBytes(problem.body(instance, requestId));
		FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
				HttpResponseStatus.valueOf(problem.status()), Unpooled.wrappedBuffer(body));
		response.headers()
			.set(HttpHeaderNames.CONTENT_TYPE, "application/problem+json")
			.setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
			.set(HttpHeaderNames.CACHE_CONTROL, "no-store")
			.set("X-Content-Type-Options", "nosniff")
			.set(RequestIds.HEADER, requestId)
			.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
		context.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
	}

	@ChannelHandler.Sharable
	static final class Guard extends ChannelInboundHandlerAdapter {

		/**
		 * Set once a connection's request has been refused: what follows on it is dropped
		 * until it closes.
		 */
		private static final AttributeKey<Boolean> REFUSED = AttributeKey.valueOf("portal.requestRefused");

		private final JsonMapper json;

		Guard(JsonMapper json) {
			this.json = json;
		}

		@Override
		public void channelRead(ChannelHandlerContext context, Object message) {
			if (Boolean.TRUE.equals(context.channel().attr(REFUSED).get()) && message instanceof HttpObject) {
				ReferenceCountUtil.release(message);
				return;
			}
			Problems.Problem problem = message instanceof HttpRequest request ? problemOf(request) : null;
			if (problem == null) {
				context.fireChannelRead(message);
				return;
			}
			HttpRequest request = (HttpRequest) message;
			boolean readable = !request.decoderResult().isFailure();
			String path = readable ? request.uri() : null;
			String requestId = RequestIds.of(readable ? request.headers().get(RequestIds.HEADER) : null);
			ReferenceCountUtil.release(message);
			context.channel().attr(REFUSED).set(true);
			answerAndClose(context, this.json, problem, path, requestId);
		}

	}

}
